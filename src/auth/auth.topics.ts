/** System-wide: an account's cut-off moved; every instance drops its cached one and closes sockets it now refuses. */
export const AuthTopic = {
  TokensRevoked: 'TOKENS_REVOKED',
} as const;

export type AuthTopics = {
  [AuthTopic.TokensRevoked]: [payload: { accountId: string; revokedBefore: Date }];
};
