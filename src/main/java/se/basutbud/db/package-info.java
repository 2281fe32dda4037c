/** Persistence shared by the features: the entities' base and the optional conditions of list queries. */
package se.basutbud.db;
