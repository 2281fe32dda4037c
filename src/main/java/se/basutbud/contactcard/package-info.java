/** Feature: the contact cards 1177 and the region's site show, cached, revalidated and synced by a feed. */
package se.basutbud.contactcard;
