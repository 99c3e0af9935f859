/**
 * The catalog's public read API and browsing page.
 */
@NullMarked
package dev.paperboy.papers.web;

import org.jspecify.annotations.NullMarked;
