"""Betting: odds maths, simulation, bet placement and responsible-gambling rules."""
