/** Change notification between replicas: PostgreSQL NOTIFY on write, the listener on its own connection, and the caches it evicts. */
package se.basutbud.change;
