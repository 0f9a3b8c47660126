"""The knowledge base: articles kept as Markdown files (knowledge/articles/<language>/<slug>.md),
loaded into the Article table, and searched for the explain_betting_term tool."""
