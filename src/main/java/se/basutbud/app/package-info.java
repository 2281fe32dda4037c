/**
 * Feature: the app for management and unit editors. The pages and their scripts are static files
 * (META-INF/resources, no build step) that read and write only through the public API with the bearer token
 * the region's identity provider gave the person; this package serves what the pages need around that: the
 * sign-in settings and the headers that keep the pages' scripts to their own.
 */
package se.basutbud.app;
