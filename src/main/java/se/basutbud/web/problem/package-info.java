/** RFC 9457 problem bodies: the types, the exception services throw, the mappers that answer every failure, and the pages that explain each type. */
package se.basutbud.web.problem;
