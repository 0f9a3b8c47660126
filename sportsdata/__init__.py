"""Sports data: the ChatBet API client, prefetch jobs and the stored fixtures and odds."""
