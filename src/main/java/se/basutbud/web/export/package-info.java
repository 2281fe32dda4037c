/**
 * Lists and reports as spreadsheets: the formats a client may ask for, CSV (RFC 4180, or as Swedish Excel opens
 * it) and XLSX written streaming, and the spool that computes a large answer into a file before it is sent.
 */
package se.basutbud.web.export;
