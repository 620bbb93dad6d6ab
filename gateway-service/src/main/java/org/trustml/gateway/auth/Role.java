package org.trustml.gateway.auth;

/** What a key may do: USER keys use the platform; ADMIN keys also manage keys. */
public enum Role {
  ADMIN,
  USER
}
