/**
 * The digest's web side: the signed links in a digest (view in browser, Atom feed, more
 * or less like this) and the operations of the admin API.
 */
@NullMarked
package dev.paperboy.digest.web;

import org.jspecify.annotations.NullMarked;
