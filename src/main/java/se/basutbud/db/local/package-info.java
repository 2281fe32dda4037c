/** The embedded PostgreSQL that dev mode and the tests start when no database is configured; never used by production code. */
package se.basutbud.db.local;
