/** Facts about the search, recovery and repatriation of the remains of fallen volunteer soldiers and experts. */
package org.borderledger.events.repatriation;
