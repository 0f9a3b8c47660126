"""Conversations: the assistant turn, chat transports and the chat page."""
