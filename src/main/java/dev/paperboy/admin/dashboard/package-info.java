/**
 * The console's dashboard: every module's figures on one page and in one admin API
 * answer.
 */
@NullMarked
package dev.paperboy.admin.dashboard;

import org.jspecify.annotations.NullMarked;
