UPDATE product SET stock = 2;
