/** JWT bearer authentication shared by both services: claims, roles, keys, and refusals as problem+json. */
package org.borderledger.security;
