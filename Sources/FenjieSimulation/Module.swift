// The simulation module; see the files beside this one.
