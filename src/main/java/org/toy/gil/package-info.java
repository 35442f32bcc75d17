/**
 * The global interpreter lock and the eval breaker through which a running thread is asked to drop it (or to raise KeyboardInterrupt).
 */
package org.toy.gil;
