/**
 * The fault suite: the packaged service in a process of its own, killed, stopped and
 * starved (of its database, its SMTP server, its disk) while it works.
 */
@NullMarked
package dev.paperboy.faults;

import org.jspecify.annotations.NullMarked;
