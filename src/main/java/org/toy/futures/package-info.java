/**
 * {@code concurrent.futures}: {@link org.toy.futures.ToyFuture}, the thread and process
 * executors, {@code wait}/{@code as_completed}, and the {@code concurrent} package.
 */
package org.toy.futures;
