/**
 * Sends mail: one component for every message Paperboy sends, and the suppression list no
 * message may cross.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery")
package dev.paperboy.delivery;
