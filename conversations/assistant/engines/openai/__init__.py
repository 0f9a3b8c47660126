"""Any OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio, OpenAI) through the `openai` SDK."""

from conversations.assistant.engines.openai.client import openai_client
from conversations.assistant.engines.openai.engine import OpenAIEngine

__all__ = ["OpenAIEngine", "openai_client"]
