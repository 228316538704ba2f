// GLPK's public header, from Debian's libglpk-dev (version 5).
#include <glpk.h>
