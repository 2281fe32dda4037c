/** The HTTP edge shared by every feature: paging and its links, query parameters, dates, entity tags, the contract's shared parts, CORS and compression. */
package se.basutbud.web;
