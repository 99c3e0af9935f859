/**
 * The admin preview of a subscriber's next digest.
 */
@NullMarked
package dev.paperboy.matching.web;

import org.jspecify.annotations.NullMarked;
