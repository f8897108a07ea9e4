/**
 * Facts about the provinces' reference data: a change proposed by an admin of one side and approved by an admin of the
 * other, upon which it is effective. The bundled data ({@code ProvinceRegister.bundled()}) is the state before any.
 */
package org.borderledger.events.jurisdiction;
