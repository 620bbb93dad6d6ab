/** Running independent pieces of a computation on several threads with results that do not depend on how many. */
package org.trustml.pruning.parallel;
