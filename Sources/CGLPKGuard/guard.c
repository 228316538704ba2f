// Written by hand because Swift cannot call setjmp/longjmp, which GLPK's error hook requires
// (GLPK reference manual, section "glp_error_hook").
#include "CGLPKGuard.h"
#include <glpk.h>
#include <setjmp.h>
#include <string.h>
#include <stdio.h>

static _Thread_local jmp_buf *current_jump = NULL;
static _Thread_local unsigned long generation = 0;
static _Thread_local char last_error[512];
static _Thread_local size_t last_error_length = 0;

// Collects what GLPK would print, so a fatal error's message can be reported. Returns nonzero so
// nothing reaches the terminal.
static int capture_output(void *info, const char *text) {
  (void)info;
  size_t n = strlen(text);
  if (last_error_length + n >= sizeof last_error) {
    // Keep the most recent text only.
    last_error_length = 0;
    if (n >= sizeof last_error) n = sizeof last_error - 1;
  }
  memcpy(last_error + last_error_length, text, n);
  last_error_length += n;
  last_error[last_error_length] = 0;
  return 1;
}

static void on_error(void *info) {
  (void)info;
  jmp_buf *target = current_jump;
  glp_free_env();
  generation += 1;
  if (target != NULL) longjmp(*target, 1);
}

int fenjie_glpk_guarded(void (*body)(void *context), void *context) {
  jmp_buf here;
  jmp_buf *outer = current_jump;
  current_jump = &here;
  last_error_length = 0;
  last_error[0] = 0;
  if (setjmp(here) != 0) {
    current_jump = outer;
    return 1;
  }
  glp_term_hook(capture_output, NULL);
  glp_error_hook(on_error, NULL);
  body(context);
  glp_error_hook(NULL, NULL);
  current_jump = outer;
  return 0;
}

unsigned long fenjie_glpk_generation(void) { return generation; }

const char *fenjie_glpk_last_error(void) { return last_error; }
