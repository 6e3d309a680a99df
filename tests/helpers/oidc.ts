import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import Provider, { type Adapter, type AdapterPayload, type JWK } from "oidc-provider";

/** What the test provider says about a person: the claims Lotse matches on. */
export type TestAccount = { email?: string; email_verified?: boolean; name?: string };

export type TestProvider = {
  /** The issuer identifier, e.g. http://127.0.0.1:41234 */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers (or replaces) the person behind a login name typed into the provider's form. */
  addAccount(login: string, claims: TestAccount): void;
  close(): Promise<void>;
};

/**
 * Each provider keeps its artefacts in a store of its own. oidc-provider's built-in memory
 * adapter shares one store per process, so a second provider would accept the first one's codes.
 */
function adapterFactory() {
  const store = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  const live = (key: string) => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt < Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry.payload;
  };
  return (model: string): Adapter => {
    const key = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        store.set(key(id), { payload, expiresAt: Date.now() + (expiresIn ?? 3600) * 1000 });
      },
      async find(id) {
        return live(key(id));
      },
      async findByUid(uid) {
        for (const [k, { payload }] of store) {
          if (k.startsWith(`${model}:`) && payload.uid === uid) return live(k);
        }
        return undefined;
      },
      async findByUserCode(userCode) {
        for (const [k, { payload }] of store) {
          if (k.startsWith(`${model}:`) && payload.userCode === userCode) return live(k);
        }
        return undefined;
      },
      async consume(id) {
        const payload = live(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        store.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        for (const [k, { payload }] of store) if (payload.grantId === grantId) store.delete(k);
      },
    };
  };
}

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1 and a free port, with one
 * confidential client for Lotse. Its login form is oidc-provider's development form: the login
 * name typed there is the account id, the password is not checked. Consent is given in advance
 * (as Keycloak does for its own clients), so the form is the only page a person sees.
 */
export async function startTestProvider(opts: {
  redirectUri: string;
  /** The same client id at two providers lets a test send one provider's answer in place of the other's. */
  clientId?: string;
}): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>();
  const clientId = opts.clientId ?? `lotse-${randomBytes(4).toString("hex")}`;
  const clientSecret = randomBytes(24).toString("base64url");
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...(privateKey.export({ format: "jwk" }) as JWK), alg: "RS256", use: "sig" };

  // The issuer must be known before listening: reserve the port first.
  const http = await import("node:http");
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const provider = new Provider(issuer, {
    adapter: adapterFactory(),
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(16).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    scopes: ["openid", "email", "profile"],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    // Fixed lifetimes keep oidc-provider from printing notices about its defaults.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      ClientCredentials: 600,
      DeviceCode: 600,
      BackchannelAuthenticationRequest: 600,
      IdToken: 600,
      Interaction: 600,
      RefreshToken: 600,
      Session: 600,
      Grant: 600,
    },
    async findAccount(_ctx, sub) {
      const claims = accounts.get(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
    async loadExistingGrant(ctx) {
      const accountId = ctx.oidc.session?.accountId;
      const client = ctx.oidc.client;
      if (!accountId || !client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId: client.clientId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = `<!doctype html><html lang="en"><title>Error</title><main><h1>${String(out.error)}</h1></main></html>`;
    },
  });
  server.on("request", provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    addAccount: (login, claims) => accounts.set(login, claims),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Plays the browser at the provider over real HTTP: follows its redirects with a small cookie
 * jar, fills the login form with the login name, and stops at the redirect back to Lotse,
 * whose URL (with code, state and iss) it returns.
 */
export async function signInAtProvider(authorizationUrl: string, login: string, redirectUri: string) {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let form: URLSearchParams | undefined;
  for (let step = 0; step < 10; step++) {
    const res = await fetch(url, {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: form?.toString(),
    });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(";")[0] ?? "";
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url);
      if (next.href.startsWith(redirectUri)) return next;
      url = next.href;
      form = undefined;
      continue;
    }
    const html = await res.text();
    const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
    if (!action) throw new Error(`the provider showed no login form (${res.status}): ${html.slice(0, 300)}`);
    url = new URL(action.replaceAll("&amp;", "&"), url).href;
    form = new URLSearchParams({ prompt: "login", login, password: "any" });
  }
  throw new Error("the provider did not redirect back");
}
