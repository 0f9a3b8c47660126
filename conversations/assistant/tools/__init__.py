"""Tools the engines may call. Importing this package registers every tool in REGISTRY."""

from conversations.assistant.tools import betting, knowledge, sports
from conversations.assistant.tools.registry import REGISTRY, Tool, ToolContext, ToolError, ToolRunner

__all__ = ["REGISTRY", "Tool", "ToolContext", "ToolError", "ToolRunner", "betting", "knowledge", "sports"]
