/** Feature: the residents listed at each unit (listade invånare), with the date each figure applies from. */
package se.basutbud.residents;
