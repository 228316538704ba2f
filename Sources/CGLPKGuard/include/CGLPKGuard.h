#ifndef CGLPK_GUARD_H
#define CGLPK_GUARD_H

/// Runs `body(context)` with GLPK's error hook installed and GLPK's terminal output switched off.
///
/// GLPK reacts to an internal error (or a bad argument that slipped past validation) by calling the
/// error hook and, if the hook returns, by aborting the whole process. The hook installed here frees
/// the GLPK environment of the calling thread and jumps back, so that the failure becomes a return
/// value instead of a dead process.
///
/// Returns 0 when `body` returned normally and 1 when GLPK reported a fatal error. After a 1 every
/// GLPK problem object created on this thread is gone (GLPK freed its environment): see
/// `fenjie_glpk_generation`.
int fenjie_glpk_guarded(void (*body)(void *context), void *context);

/// A per-thread counter that grows each time GLPK's environment is freed after a fatal error. A
/// problem object created under an older generation has been freed by GLPK and must not be deleted.
unsigned long fenjie_glpk_generation(void);

/// The first line of the last fatal error GLPK printed on this thread (empty if none).
const char *fenjie_glpk_last_error(void);

#endif
