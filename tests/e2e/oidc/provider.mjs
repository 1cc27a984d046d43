// A real OpenID Connect provider for the sign-in tests: panva's oidc-provider on 127.0.0.1.
//
//   node provider.mjs PORT REDIRECT_URI
//
// One confidential client (`sidepane-test`, secret `sidepane-test-secret`) may redirect to
// REDIRECT_URI (after sign-in and after sign-out). The development login form accepts any login
// and password; every account is the same test person, whose claims go into the ID token.
// Prints `ready <issuer>` once it listens; stops on SIGTERM.

import http from "node:http";
import Provider from "oidc-provider";

const [port, redirectUri] = process.argv.slice(2);
if (!port || !redirectUri) {
  console.error("usage: node provider.mjs PORT REDIRECT_URI");
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: "sidepane-test",
      client_secret: "sidepane-test-secret",
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // The scopes' claims in the ID token itself, as Google and most providers send them.
  conformIdTokenClaims: false,
  findAccount: async (_ctx, id) => ({
    accountId: id,
    claims: async () => ({
      sub: id,
      email: "tester@example.com",
      email_verified: true,
      name: "Test Person",
    }),
  }),
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ["sidepane-test-cookie-key"] },
});

const server = http.createServer(provider.callback());
server.listen(Number(port), "127.0.0.1", () => {
  console.log(`ready ${issuer}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
