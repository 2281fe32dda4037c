/** Who calls: roles, the caller's organisations, verified-token caching, the production token settings guard and the dev-only token resource. */
package se.basutbud.security;
