/** Feature: the catalogue of 1177 e-services, by stable code. */
package se.basutbud.eservice;
