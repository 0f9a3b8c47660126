"""The assistant: understanding, tools, engines and guardrails."""
