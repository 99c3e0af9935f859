/**
 * The subscription pages, the preference centre and the subscription API, public and
 * admin.
 */
@NullMarked
package dev.paperboy.subscription.web;

import org.jspecify.annotations.NullMarked;
