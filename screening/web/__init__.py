"""Web plumbing, apart from the domain: middleware, CSRF failure handling, the session
store, the log format, the database-unavailable page, the template context, the client's
address, rate limits and making sure deleted rows leave the database files.
"""
