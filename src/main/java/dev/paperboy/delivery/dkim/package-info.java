/**
 * DKIM signing of outgoing messages (RFC 6376): the key, relaxed canonicalization, the
 * signature.
 */
@NullMarked
package dev.paperboy.delivery.dkim;

import org.jspecify.annotations.NullMarked;
