// A real OpenID Connect provider on loopback for the tests: panva's oidc-provider with two
// clients, one like ID-porten (`pid`, `acr`) and one like Entra ID (`oid`). PKCE is required,
// RP-initiated and back-channel logout are on. Login and consent are one plain form that a
// browser can drive: "Logg inn" signs in with the number or object id typed, "Avbryt" denies.
//
// node tests/oidc/provider.mjs <port> <velferd base URL>; prints "ready" when listening.
import { createHash } from 'node:crypto';
import Provider from 'oidc-provider';

const [port, site] = [Number(process.argv[2]), process.argv[3].replace(/\/$/, '')];
const issuer = `http://127.0.0.1:${port}`;
// The provider calls velferd itself over IPv4: Node may resolve "localhost" to ::1 first.
const siteForServers = site.replace('//localhost:', '//127.0.0.1:');

export const CLIENTS = {
  idporten: { secret: 'idporten-test-secret', claim: 'pid', scope: 'openid profile' },
  entra: { secret: 'entra-test-secret', claim: 'oid', scope: 'openid profile' },
};

function client(name) {
  return {
    client_id: `velferd-${name}`,
    client_secret: CLIENTS[name].secret,
    redirect_uris: [`${site}/oidc/${name}/callback/`],
    post_logout_redirect_uris: [`${site}/`],
    backchannel_logout_uri: `${siteForServers}/oidc/${name}/backchannel-logout/`,
    backchannel_logout_session_required: true,
    token_endpoint_auth_method: 'client_secret_post',
    grant_types: ['authorization_code'],
    response_types: ['code'],
  };
}

// The account id is "<client>:<typed value>": the same person at both clients is two accounts,
// as ID-porten and Entra ID are two providers.
async function findAccount(ctx, id) {
  const [name, value] = id.split(/:(.*)/s);
  return {
    accountId: id,
    async claims() {
      const sub = createHash('sha256').update(id).digest('hex').slice(0, 32);
      return { sub, [CLIENTS[name].claim]: value, name: `Test ${value}` };
    },
  };
}

const configuration = {
  clients: [client('idporten'), client('entra')],
  findAccount,
  claims: { openid: ['sub'], profile: ['name', 'pid', 'oid'] },
  conformIdTokenClaims: false,
  acrValues: ['idporten-loa-substantial', 'idporten-loa-high'],
  pkce: { required: () => true },
  cookies: { keys: ['velferd-test-cookie-key'] },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: { enabled: true },
    backchannelLogout: { enabled: true },
  },
  // velferd runs on loopback here, which the provider's guard against server-side request
  // forgery refuses to call: the test provider calls it without that guard.
  fetch: (url, options) => {
    const { dispatcher, ...rest } = options;
    return globalThis.fetch(url, rest);
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  ttl: { Session: 3600, Interaction: 600, Grant: 3600, AuthorizationCode: 60, IdToken: 3600,
    AccessToken: 600 },
};

const provider = new Provider(issuer, configuration);

function page(title, body) {
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${title}</title>` +
    `</head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}

function loginForm(uid, details) {
  const requested = details.params.acr_values || '';
  return page('Testleverandør: logg inn', `
    <p>Klient: <span id="client">${details.params.client_id}</span></p>
    <form method="post" action="/interaction/${uid}">
      <label for="login">Fødselsnummer eller objekt-id</label>
      <input id="login" name="login" autocomplete="off">
      <label for="password">Passord</label>
      <input id="password" name="password" type="password">
      <label for="acr">Sikkerhetsnivå</label>
      <input id="acr" name="acr" value="${requested.split(' ')[0]}">
      <button type="submit" name="action" value="login">Logg inn</button>
      <button type="submit" name="action" value="deny">Avbryt</button>
    </form>`);
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return Object.fromEntries(new URLSearchParams(body));
}

async function grantConsent(details) {
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  return grant.save();
}

provider.use(async (ctx, next) => {
  const match = ctx.path.match(/^\/interaction\/([^/]+)$/);
  if (!match) return next();
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  ctx.set('cache-control', 'no-store');
  if (details.prompt.name === 'consent') {
    const grantId = await grantConsent(details);
    return provider.interactionFinished(ctx.req, ctx.res, { consent: { grantId } });
  }
  if (ctx.method === 'GET') {
    ctx.type = 'html';
    ctx.body = loginForm(match[1], details);
    return undefined;
  }
  const form = await readForm(ctx.req);
  if (form.action !== 'login' || !form.login) {
    return provider.interactionFinished(ctx.req, ctx.res, {
      error: 'access_denied', error_description: 'The user cancelled the login' });
  }
  const clientName = details.params.client_id.replace(/^velferd-/, '');
  const login = { accountId: `${clientName}:${form.login}`, remember: true };
  if (form.acr) login.acr = form.acr;
  return provider.interactionFinished(ctx.req, ctx.res, { login }, { mergeWithLastSubmission: false });
});

provider.on('backchannel.error', (ctx, error, client) => {
  process.stderr.write(`back-channel logout to ${client.clientId} failed: ${error} ${error.cause ?? ''}\n`);
});

provider.listen(port, '127.0.0.1', () => { process.stdout.write('ready\n'); });
