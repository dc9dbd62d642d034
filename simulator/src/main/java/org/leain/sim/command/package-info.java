/** The simulator's command-line subcommand, {@code leain simulate}, registered in the cli module. */
package org.leain.sim.command;
