/**
 * The console's subscriber detail: profile, consent, digests with their papers, feedback,
 * and the actions on one subscriber (resend confirmation, preview, test digest).
 */
@NullMarked
package dev.paperboy.admin.subscribers;

import org.jspecify.annotations.NullMarked;
