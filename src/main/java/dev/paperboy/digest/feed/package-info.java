/**
 * The subscriber's private Atom feed of sent digests.
 */
@NullMarked
package dev.paperboy.digest.feed;

import org.jspecify.annotations.NullMarked;
