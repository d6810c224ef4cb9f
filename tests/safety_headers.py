"""What every response must carry (docs/safety.md), as a list of what is missing."""

REQUIRED_CSP = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}
EXACT = {
    "Cache-Control": "no-store, private",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def problems(response) -> list[str]:
    headers = response.headers
    found = [
        f"{name}: {headers.get(name)!r}"
        for name, value in EXACT.items()
        if headers.get(name) != value
    ]
    policy = headers.get("Permissions-Policy", "")
    found += [
        f"Permissions-Policy lacks {f}" for f in ("camera=()", "geolocation=()") if f not in policy
    ]
    csp_header = headers.get("Content-Security-Policy", "")
    csp = dict(
        [*directive.strip().split(" ", 1), ""][:2]
        for directive in csp_header.split(";")
        if directive.strip()
    )
    found += [
        f"CSP {directive}: {csp.get(directive)!r}"
        for directive, value in REQUIRED_CSP.items()
        if csp.get(directive) != value
    ]
    found += [
        f"CSP allows {word}" for word in ("unsafe-inline", "unsafe-eval") if word in csp_header
    ]
    return found
