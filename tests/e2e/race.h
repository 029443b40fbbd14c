/*
 * Two requests at the same moment, as two browsers would send them (R18's fifth and sixth
 * proposal, two invitations to one role): fn(0, arg) and fn(1, arg) run in two child processes
 * released together, and each child's one-character verdict comes back to the parent. The
 * children speak HTTP only: the fixture's database connection is the parent's.
 */
#ifndef PORTAL_TESTS_RACE_H
#define PORTAL_TESTS_RACE_H

void	race_two(char (*fn)(int i, void *arg), void *arg, char verdict[2]);

#endif
