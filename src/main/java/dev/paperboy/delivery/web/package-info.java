/**
 * Delivery's admin API: the switch that pauses and resumes all sending.
 */
@NullMarked
package dev.paperboy.delivery.web;

import org.jspecify.annotations.NullMarked;
