"""Sign-in over OpenID Connect: `st.login`, `st.logout` and `st.user`, configured by `[auth]`.

`settings` reads and checks the `[auth]` secrets, `signing` signs the cookies, `oidc` speaks to the
provider (Authlib's pieces over aiohttp), `user` is the script's API; the server's routes live in
`servers/web/auth_routes.py`.
"""
