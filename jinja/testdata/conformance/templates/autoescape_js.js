var x = "{{ hostile }}";
