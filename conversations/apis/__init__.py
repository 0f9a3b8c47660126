"""REST API of the chat (DRF): auth, conversations, messages (JSON and SSE), legacy endpoints."""
