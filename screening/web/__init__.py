"""Web plumbing, apart from the domain: middleware, CSRF failure handling, the session
store, the log format, the database-unavailable page and the template context.
"""
